import type { Core } from '@strapi/strapi';
import { SWEEP_NAMES } from '../../shared/contracts/constants';
import { cronJobName } from './bootstrap';
import { getService } from './utils';

const destroy = ({ strapi }: { strapi: Core.Strapi }) => {
  for (const sweep of SWEEP_NAMES) strapi.cron.remove(cronJobName(sweep));
  // An S3 client keeps sockets open.
  getService(strapi, 'storage').close();
};

export default destroy;
