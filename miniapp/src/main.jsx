import React from "react";
import { createRoot } from "react-dom/client";
import "zmp-ui/zaui.css";
import "./app.css";
import App from "./App.jsx";

createRoot(document.getElementById("app")).render(<App />);
