import { COLLABORATOR_ROLES } from '../../../../shared/contracts/constants';

export default {
  schema: {
    kind: 'collectionType',
    collectionName: 'offboarding_collaborators',
    info: {
      singularName: 'collaborator',
      pluralName: 'collaborators',
      displayName: 'Collaborator',
      description: "A users-permissions user's membership of an organization",
    },
    options: { draftAndPublish: false },
    pluginOptions: {
      'content-manager': { visible: false },
      'content-type-builder': { visible: false },
    },
    attributes: {
      organization: {
        type: 'relation',
        relation: 'manyToOne',
        target: 'plugin::offboarding.organization',
        inversedBy: 'collaborators',
      },
      user: { type: 'relation', relation: 'manyToOne', target: 'plugin::users-permissions.user' },
      role: { type: 'enumeration', enum: [...COLLABORATOR_ROLES], default: 'member', required: true },
    },
  },
};
