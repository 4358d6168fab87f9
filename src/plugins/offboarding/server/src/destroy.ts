import type { Core } from '@strapi/strapi';
import { SWEEP_NAMES } from '../../shared/contracts/constants';
import { cronJobName } from './bootstrap';

const destroy = ({ strapi }: { strapi: Core.Strapi }) => {
  for (const sweep of SWEEP_NAMES) strapi.cron.remove(cronJobName(sweep));
};

export default destroy;
