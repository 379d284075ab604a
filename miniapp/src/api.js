import { getAccessToken, getUserInfo } from "zmp-sdk";
import { apiBase } from "./config.js";

// Every call that names the citizen sends Zalo's access token and the id the SDK gives for the OA; the service checks
// both with Zalo before trusting either.
async function identity() {
  const [token, info] = await Promise.all([getAccessToken(), getUserInfo({})]);
  return { Authorization: "Bearer " + token, "X-Zalo-User-Id": info.userInfo.idByOA || "" };
}

async function read(response) {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.title || "Có lỗi, bạn thử lại sau ít phút nhé.");
  return body;
}

export async function centre(code) {
  return read(await fetch(`${apiBase}/miniapp/v1/centres/${encodeURIComponent(code)}`));
}

export async function categories() {
  return read(await fetch(`${apiBase}/miniapp/v1/categories`));
}

export async function myTickets() {
  return read(await fetch(`${apiBase}/miniapp/v1/tickets`, { headers: await identity() }));
}

export async function fileTicket(form) {
  return read(await fetch(`${apiBase}/miniapp/v1/tickets`, { method: "POST", headers: await identity(), body: form }));
}
