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
    /* Strapi's toast is 50rem wide in sonner's 356px toaster: it hung past the window's edge,
       its end and its Close button out of sight. The toaster takes the toast's width, and no
       more than the window leaves. */
    --width: min(50rem, calc(100vw - 4.8rem));
    width: var(--width) !important;
    max-width: calc(100vw - 4.8rem);
  }
  [data-sonner-toaster][data-y-position='top'] [data-sonner-toast],
  [data-sonner-toaster][data-y-position='top'] [data-sonner-toast] > * {
    width: 100% !important;
    max-width: 100% !important;
  }
`;
