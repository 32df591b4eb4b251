// The service worker: precaches the app shell and assets (Workbox, revisioned URLs) so a
// cold start with no network works. Navigations get the precached shell. API calls are never
// cached: they pass straight to the network. A new version waits until the page tells it to
// take over (the page does so only when its outbox is safely stored), never by itself.
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(
  new NavigationRoute(createHandlerBoundToURL("/"), {
    denylist: [/^\/api\//, /^\/healthz/, /^\/admin/],
  }),
);

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});
