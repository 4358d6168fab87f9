export const PoliciesSettingsPage = () => <p>PoliciesSettingsPage</p>;
