import entitlement from './entitlement';
import dataExport from './export';
import organization from './organization';
import retention from './retention';
import settings from './settings';

export default { export: dataExport, organization, entitlement, settings, retention };
