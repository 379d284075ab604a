// Where the service's API lives. The Zalo build takes it from VITE_API_BASE (scripts/miniapp.sh sets it from
// ZALOBOT_PUBLIC_BASE_URL); the browser preview may be pointed elsewhere with ?api=.
const fromQuery = new URLSearchParams(window.location.search).get("api");
export const apiBase = (fromQuery || import.meta.env.VITE_API_BASE || "").replace(/\/$/, "");
