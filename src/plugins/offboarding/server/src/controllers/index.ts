import entitlement from './entitlement';
import organization from './organization';
import retention from './retention';
import settings from './settings';

export default { organization, entitlement, settings, retention };
