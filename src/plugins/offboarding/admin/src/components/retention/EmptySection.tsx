import { Box, Typography } from '@strapi/design-system';

/** A section with nothing to list: one line, not a full-page empty state. */
export const EmptySection = ({ message }: { message: string }) => (
  <Box
    background="neutral0"
    shadow="tableShadow"
    hasRadius
    paddingTop={6}
    paddingBottom={6}
    paddingLeft={4}
    paddingRight={4}
  >
    <Typography textColor="neutral600" textAlign="center" tag="p">
      {message}
    </Typography>
  </Box>
);
