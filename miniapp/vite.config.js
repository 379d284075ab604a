import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";

// `--mode preview` builds the browser preview: zmp-sdk is swapped for a stub that plays Zalo through the project's
// simulator, so the app runs in an ordinary Chromium (README, "Zalo Mini App"). The default mode builds for Zalo.
export default defineConfig(({ mode }) => ({
  base: "./",
  plugins: [react()],
  resolve: {
    alias: mode === "preview" ? { "zmp-sdk": fileURLToPath(new URL("./src/preview/zmp-sdk.js", import.meta.url)) } : {},
  },
  build: {
    outDir: mode === "preview" ? "dist-preview" : "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
}));
