export const ProvisioningSettingsPage = () => <p>ProvisioningSettingsPage</p>;
