import { Box, Typography } from '@strapi/design-system';

/** The API's own message, shown as it is (validation errors name their fields). The one error alert of the panel. */
export const ErrorAlert = ({ error }: { error: string | null | undefined }) =>
  error ? (
    <Box role="alert" background="danger100" borderColor="danger200" borderStyle="solid" borderWidth="1px" hasRadius padding={3}>
      <Typography textColor="danger700" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {error}
      </Typography>
    </Box>
  ) : null;
