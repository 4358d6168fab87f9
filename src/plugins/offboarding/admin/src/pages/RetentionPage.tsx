export const RetentionPage = () => <p>RetentionPage</p>;
