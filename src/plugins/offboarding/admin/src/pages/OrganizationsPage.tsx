export const OrganizationsPage = () => <p>OrganizationsPage</p>;
