export interface OffboardingConfig {
  /** Reserved for the scheduler and exports; validated so a typo fails at start, not later. */
  [key: string]: unknown;
}

export default {
  default: {} as OffboardingConfig,
  validator: (config: unknown) => {
    if (config === null || typeof config !== 'object' || Array.isArray(config)) {
      throw new Error('plugin offboarding: config must be an object');
    }
  },
};
