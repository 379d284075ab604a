// The browser preview's zmp-sdk: the few calls the app makes, played against the project's Zalo simulator.
// ?uid= is the simulated citizen (their id on the OA), ?sim= the simulator's /zalo-sim address, ?chat= its chat page.
const params = new URLSearchParams(window.location.search);
const uid = params.get("uid") || "nguoi-dan-1";
const sim = (params.get("sim") || "/zalo-sim").replace(/\/$/, "");
const chat = params.get("chat") || "/simulator";
let token;

export function getRouteParams() {
  return Object.fromEntries(params.entries());
}

export async function getAccessToken() {
  if (!token) {
    const response = await fetch(`${sim}/miniapp/token?userId=${encodeURIComponent(uid)}`, { method: "POST" });
    token = (await response.json()).accessToken;
  }
  return token;
}

export async function getUserInfo() {
  return { userInfo: { id: uid + "-byapp", idByOA: uid, name: "Người dân " + uid, avatar: "", followedOA: params.get("followed") === "1" } };
}

export async function followOA() {
  await fetch(`${sim}/miniapp/follow?userId=${encodeURIComponent(uid)}`, { method: "POST" });
}

// Zalo opens the OA's chat with the message typed in; the simulator's chat page does the same, and the citizen presses send.
export async function openChat({ message }) {
  window.location.href = `${chat}?user=${encodeURIComponent(uid)}&text=${encodeURIComponent(message || "")}`;
}

export async function getPhoneNumber() {
  return { token: "phone-" + uid };
}

export async function getLocation() {
  return { latitude: "21.1861", longitude: "106.0763" };
}
