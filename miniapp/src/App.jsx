import React, { useEffect, useState } from "react";
import { Box, Button } from "zmp-ui";
import { followOA, getLocation, getPhoneNumber, getRouteParams, getUserInfo, openChat } from "zmp-sdk";
import * as api from "./api.js";

// The centre comes from the QR link: https://zalo.me/s/<appId>/?c=BN01 (Zalo keeps the parameters).
const centreCode = (getRouteParams().c || getRouteParams().centre || "").toUpperCase();

export default function App() {
  const [screen, setScreen] = useState("home");
  const [centre, setCentre] = useState(null);
  const [error, setError] = useState("");

  useEffect(() => {
    if (!centreCode) return;
    api.centre(centreCode).then(setCentre, (e) => setError(e.message));
  }, []);

  return (
    <div className="screen">
      {screen === "home" && <Home centre={centre} error={error} go={setScreen} />}
      {screen === "form" && <ReportForm centre={centre} back={() => setScreen("home")} />}
      {screen === "tickets" && <Tickets back={() => setScreen("home")} />}
    </div>
  );
}

function Home({ centre, error, go }) {
  const [busy, setBusy] = useState(false);
  const [chatError, setChatError] = useState("");

  async function chat() {
    setBusy(true);
    setChatError("");
    try {
      // A fresh signed code each time: it attributes the complaint to this centre once, and only for a while.
      const fresh = centre ? await api.centre(centre.code) : null;
      const { userInfo } = await getUserInfo({});
      if (!userInfo.followedOA) await followOA({ id: fresh?.oaId });
      await openChat({ type: "oa", id: fresh?.oaId, message: fresh?.chatMessage || "Xin chào" });
    } catch (e) {
      setChatError("Chưa mở được cuộc trò chuyện. Bạn bấm Quan tâm tài khoản Zalo của cơ quan rồi thử lại nhé.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>{centre ? centre.name : "Phản ánh, kiến nghị"}</h1>
      {centre && <div className="address">{centre.address}</div>}
      {error && <div className="message error" role="alert">{error}</div>}
      <Button className="big" size="large" fullWidth loading={busy} onClick={chat}>Nhắn tin với tổng đài</Button>
      {chatError && <div className="message error" role="alert">{chatError}</div>}
      <Button className="big" size="large" fullWidth variant="secondary" onClick={() => go("form")}>Gửi phản ánh có ảnh</Button>
      <Button className="big" size="large" fullWidth variant="tertiary" onClick={() => go("tickets")}>Tra cứu phản ánh</Button>
    </>
  );
}

function ReportForm({ centre, back }) {
  const [categories, setCategories] = useState([]);
  const [category, setCategory] = useState("");
  const [description, setDescription] = useState("");
  const [photos, setPhotos] = useState([]);
  const [place, setPlace] = useState(null);
  const [share, setShare] = useState(false);
  const [phoneToken, setPhoneToken] = useState(null);
  const [result, setResult] = useState(null);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  // One key per form: pressing "Gửi" again after a lost answer files nothing new.
  const [key] = useState(() => (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random()));

  useEffect(() => { api.categories().then(setCategories, (e) => setError(e.message)); }, []);

  async function sharePlace(checked) {
    setShare(checked);
    if (!checked) { setPlace(null); return; }
    try {
      const location = await getLocation({});
      setPlace({ latitude: location.latitude, longitude: location.longitude });
    } catch {
      setShare(false);
      setError("Chưa lấy được vị trí. Bạn có thể ghi địa chỉ trong nội dung.");
    }
  }

  async function sharePhone() {
    try { setPhoneToken((await getPhoneNumber({})).token || null); } catch { setPhoneToken(null); }
  }

  async function submit(event) {
    event.preventDefault();
    setError("");
    setBusy(true);
    const form = new FormData();
    form.append("idempotencyKey", key);
    form.append("category", category);
    form.append("description", description);
    if (centre) { form.append("centre", centre.code); form.append("centreToken", centre.centreToken); }
    if (share && place) {
      form.append("locationConsent", "true");
      form.append("latitude", place.latitude);
      form.append("longitude", place.longitude);
    }
    if (phoneToken) form.append("phoneToken", phoneToken);
    for (const photo of photos) form.append("photos", photo, photo.name);
    try { setResult(await api.fileTicket(form)); } catch (e) { setError(e.message); } finally { setBusy(false); }
  }

  if (result) {
    return (
      <>
        <div className="message ok" role="status">{result.message || `Đã tiếp nhận phản ánh ${result.code}.`}</div>
        <Button className="big" size="large" fullWidth onClick={back}>Về trang đầu</Button>
      </>
    );
  }

  return (
    <form onSubmit={submit}>
      <h1>Gửi phản ánh có ảnh</h1>
      <label htmlFor="category">Lĩnh vực</label>
      <select id="category" required value={category} onChange={(e) => setCategory(e.target.value)}>
        <option value="">— Chọn lĩnh vực —</option>
        {categories.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
      </select>
      <label htmlFor="description">Nội dung phản ánh</label>
      <textarea id="description" required minLength={10} maxLength={2000} value={description} onChange={(e) => setDescription(e.target.value)}
        placeholder="Sự việc gì, ở đâu, từ khi nào" />
      <label htmlFor="photos">Ảnh chụp (tối đa 3 ảnh)</label>
      <input id="photos" type="file" accept="image/*" capture="environment" multiple onChange={(e) => setPhotos(Array.from(e.target.files || []).slice(0, 3))} />
      <label className="check"><input type="checkbox" checked={share} onChange={(e) => sharePlace(e.target.checked)} /> Đồng ý gửi vị trí hiện tại của tôi</label>
      {place && <div>Vị trí: {place.latitude}, {place.longitude}</div>}
      <label className="check"><input type="checkbox" checked={!!phoneToken} onChange={(e) => (e.target.checked ? sharePhone() : setPhoneToken(null))} /> Cho cán bộ biết số điện thoại Zalo của tôi</label>
      {error && <div className="message error" role="alert">{error}</div>}
      <Button className="big" size="large" fullWidth htmlType="submit" loading={busy}>Gửi phản ánh</Button>
      <Button className="big" size="large" fullWidth variant="tertiary" onClick={back}>Quay lại</Button>
      <p className="notice">Thông tin của bạn chỉ dùng để xử lý phản ánh, theo thông báo xử lý dữ liệu cá nhân của cơ quan.</p>
    </form>
  );
}

function Tickets({ back }) {
  const [tickets, setTickets] = useState(null);
  const [error, setError] = useState("");
  useEffect(() => { api.myTickets().then(setTickets, (e) => setError(e.message)); }, []);
  return (
    <>
      <h1>Phản ánh của tôi</h1>
      {error && <div className="message error" role="alert">{error}</div>}
      {tickets && tickets.length === 0 && <p>Bạn chưa gửi phản ánh nào.</p>}
      {tickets && tickets.map((t) => (
        <Box key={t.code} className="ticket">
          <div className="code">{t.code}</div>
          <div>{t.category}</div>
          <div><b>{t.statusText}</b></div>
        </Box>
      ))}
      <Button className="big" size="large" fullWidth variant="tertiary" onClick={back}>Quay lại</Button>
    </>
  );
}
