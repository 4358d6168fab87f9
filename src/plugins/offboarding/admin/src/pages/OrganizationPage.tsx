export const OrganizationPage = () => <p>OrganizationPage</p>;
