// Serves the built add-in (dist/) and the browser preview (dist-preview/) over https on
// localhost:3000, and prints how to sideload the manifest into Excel.
import { createServer } from "node:https";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";
import { homedir } from "node:os";

const port = Number(process.env.PORT || 3000);
const root = resolve(import.meta.dirname, "..");
const mounts = [
  { prefix: "/preview/", dir: join(root, "dist-preview") },
  { prefix: "/", dir: join(root, "dist") },
];
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".txt": "text/plain; charset=utf-8",
};

async function httpsOptions() {
  const devCerts = await import("office-addin-dev-certs");
  try {
    return { ...(await devCerts.getHttpsServerOptions()), trusted: true };
  } catch {
    // Installing the CA needs admin rights (sudo on Linux). Serve with the generated files anyway.
    const dir = join(homedir(), ".office-addin-dev-certs");
    const files = ["ca.crt", "localhost.crt", "localhost.key"].map((name) => join(dir, name));
    if (!files.every(existsSync)) {
      await devCerts.generateCertificates(files[0], files[1], files[2], 30, [
        "127.0.0.1",
        "localhost",
      ]);
    }
    return {
      ca: readFileSync(files[0]),
      cert: readFileSync(files[1]),
      key: readFileSync(files[2]),
      trusted: false,
      caPath: files[0],
    };
  }
}

function fileFor(urlPath) {
  const clean = decodeURIComponent(urlPath.split("?")[0]);
  for (const { prefix, dir } of mounts) {
    if (!clean.startsWith(prefix)) continue;
    let file = normalize(join(dir, clean.slice(prefix.length)));
    if (!file.startsWith(dir)) return null;
    if (existsSync(file) && statSync(file).isDirectory())
      file = join(file, prefix === "/preview/" ? "preview.html" : "index.html");
    if (existsSync(file)) return file;
  }
  return null;
}

const { trusted, caPath, ...tls } = await httpsOptions();
createServer(tls, (req, res) => {
  const file = fileFor(req.url || "/");
  if (!file) {
    res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
    return;
  }
  res.writeHead(200, {
    "content-type": types[extname(file)] || "application/octet-stream",
    "cache-control": "no-cache",
    "access-control-allow-origin": "*",
  });
  res.end(readFileSync(file));
}).listen(port, () => {
  const base = `https://localhost:${port}`;
  console.log(`
Rare Earth Supply Modeler is served at ${base}
  Task pane:        ${base}/taskpane.html
  Functions:        ${base}/functions.json
  Browser preview:  ${base}/preview/preview.html   (try the add-in without Excel)
${
  trusted
    ? ""
    : `
The development certificate is not trusted on this machine (installing it needs admin rights).
  Trust it once: import ${caPath} as a trusted root certificate
  (Linux: sudo cp ${caPath} /usr/local/share/ca-certificates/office-addin-dev.crt && sudo update-ca-certificates;
   Windows/Mac: run "npx office-addin-dev-certs install"), or accept the browser warning for the preview.
`
}
Sideload the add-in (manifest.xml in this folder):
  Excel on Windows: File > Options > Trust Center > Trusted Add-in Catalogs, add a shared folder holding
                    manifest.xml, restart Excel, then Home > Add-ins > Advanced > Shared Folder.
                    With Excel installed you can instead run: npm run sideload
  Excel on Mac:     copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
                    and restart Excel; the add-in appears under Home > Add-ins.
  Excel on the web: open a workbook, Home > Add-ins > More Add-ins > Upload My Add-in, choose manifest.xml.
Then type =REE. in a cell, or open Home > Supply Modeler.
Press Ctrl+C to stop.`);
});
