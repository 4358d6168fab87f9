import { createGlobalStyle } from 'styled-components';

/**
 * Strapi's notifications (sonner, top centre, 50rem wide) cover a page header's buttons, most of
 * all in a narrow window. While one of the plugin's pages is shown they rise at the bottom
 * right instead, where no action of the page sits. Only the toaster's place changes: its
 * toasts, their order and their timing stay Strapi's.
 */
export const ToastPlacement = createGlobalStyle`
  [data-sonner-toaster][data-y-position='top'] {
    top: auto !important;
    bottom: 9.6rem !important;
    left: auto !important;
    right: 2.4rem !important;
    transform: none !important;
    max-width: calc(100vw - 4.8rem);
  }
`;
