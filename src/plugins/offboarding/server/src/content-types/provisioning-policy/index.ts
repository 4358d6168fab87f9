import { ENTITLEMENT_CLASSES } from '../../../../shared/contracts/constants';

export default {
  schema: {
    kind: 'collectionType',
    collectionName: 'offboarding_provisioning_policies',
    info: {
      singularName: 'provisioning-policy',
      pluralName: 'provisioning-policies',
      displayName: 'Provisioning policy',
      description: 'Per entitlement class: what cancellation does downstream',
    },
    options: { draftAndPublish: false },
    pluginOptions: {
      'content-manager': { visible: false },
      'content-type-builder': { visible: false },
    },
    attributes: {
      entitlementClass: { type: 'enumeration', enum: [...ENTITLEMENT_CLASSES], required: true, unique: true },
      deprovisionOnCancel: { type: 'boolean', default: true, required: true },
    },
  },
};
