export const ReasonsSettingsPage = () => <p>ReasonsSettingsPage</p>;
