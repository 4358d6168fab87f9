import { Box, Typography } from '@strapi/design-system';

/** The API's own message, shown as it is (validation errors name their fields). */
export const ApiErrorAlert = ({ error }: { error: string | null }) =>
  error ? (
    <Box role="alert" background="danger100" borderColor="danger200" hasRadius padding={3}>
      <Typography textColor="danger700" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {error}
      </Typography>
    </Box>
  ) : null;
