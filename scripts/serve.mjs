// Serves the built add-in (dist/) and the browser preview (dist-preview/) over https, on
// localhost:3000 unless HOST or PORT say otherwise, and prints how to sideload the manifest.
import { createServer } from "node:https";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, resolve, sep } from "node:path";
import { homedir } from "node:os";

const port = Number(process.env.PORT ?? 3000);
// Only this machine by default: the add-in's files are for the local Excel and browser.
// HOST=0.0.0.0 serves the network too (for example Excel on another machine or a VM).
const host = process.env.HOST || "localhost";
// Tests serve a temporary folder laid out like this project.
const root = resolve(process.env.REE_SERVE_ROOT || join(import.meta.dirname, ".."));
const mounts = [
  { prefix: "/preview/", dir: join(root, "dist-preview"), index: "preview.html" },
  { prefix: "/", dir: join(root, "dist"), index: "index.html" },
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
/**
 * Excel on the web fetches the custom functions' metadata and script named in the manifest
 * (<Metadata>, <Script>) from its own origin, so those two need CORS. Every other file is loaded by
 * the pane's own page (same origin) or by a browser tab, which need none.
 */
const CROSS_ORIGIN = new Set(["/functions.json", "/functions.js"]);

/** The file a URL path names, or null when it names none or points outside its folder. */
function fileFor(pathname) {
  for (const { prefix, dir, index } of mounts) {
    if (!pathname.startsWith(prefix)) continue;
    let file = resolve(dir, "." + pathname.slice(prefix.length - 1));
    // With the separator: "dist-preview" or "dist.secret.txt" are not inside "dist".
    if (file !== dir && !file.startsWith(dir + sep)) return null;
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, index);
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
}

function startPage() {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Rare Earth Supply Modeler: development server</title>
<link rel="icon" href="/assets/icon-32.png"></head>
<body style="font: 15px/1.5 system-ui, sans-serif; max-width: 42em; margin: 2em auto; padding: 0 1em">
<h1 style="font-size: 1.3em">Rare Earth Supply Modeler: development server</h1>
<p>This browser trusts this server's certificate, so Excel on the web can load the add-in from it.</p>
<ul>
<li><a href="/preview/preview.html">Browser preview</a>: the task pane beside a workbook, no Excel needed</li>
<li><a href="/taskpane.html">Task pane</a> (runs inside Excel; in a browser it says how to open it)</li>
<li><a href="/help/index.html">Function help</a></li>
<li><a href="/manifest.xml" download>manifest.xml</a>: sideload it into Excel (${SIDELOAD_WEB})</li>
</ul></body></html>`;
}

const SIDELOAD_WEB = "Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in";
const SIDELOAD_WINDOWS = "Home > Add-ins > More Add-ins > Shared Folder";

/** The request handler: never throws, whatever the URL. */
function handle(req, res) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url || "/", "https://localhost").pathname);
  } catch {
    res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
    res.end("Bad request: the address is not valid percent-encoding.");
    return;
  }
  const headers = { "cache-control": "no-cache", "x-content-type-options": "nosniff" };
  if (CROSS_ORIGIN.has(pathname)) headers["access-control-allow-origin"] = "*";
  if (pathname === "/" || pathname === "/index.html") {
    res.writeHead(200, { ...headers, "content-type": types[".html"] }).end(startPage());
    return;
  }
  // Browsers ask for /favicon.ico on every page; the add-in's icon answers it.
  const file =
    pathname === "/favicon.ico"
      ? fileFor("/assets/icon-32.png")
      : pathname.includes("\0")
        ? null
        : fileFor(pathname);
  if (!file) {
    res.writeHead(404, { ...headers, "content-type": "text/plain; charset=utf-8" });
    res.end("Not found");
    return;
  }
  res.writeHead(200, {
    ...headers,
    "content-type": types[extname(file)] || "application/octet-stream",
  });
  res.end(readFileSync(file));
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

async function httpsOptions() {
  const devCerts = await import("office-addin-dev-certs");
  try {
    return { ...(await devCerts.getHttpsServerOptions()), trusted: true };
  } catch (error) {
    // getHttpsServerOptions installs the CA into the system store, which fails without rights (it
    // calls sudo, absent in containers) or when the store cannot be found. Serve with the files.
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
      reason: error instanceof Error ? error.message : String(error),
    };
  }
}

function untrustedNote(caPath, reason, base) {
  const what = reason.trim().split("\n").join(" ");
  const asRoot =
    isRoot && /sudo/.test(what) ? " This session is root; the tool still ran sudo." : "";
  return `
The development certificate is not trusted on this machine: office-addin-dev-certs could not install
its CA certificate (${what}).${asRoot}
  Trust it once: import ${caPath} as a trusted root certificate
  (Linux: cp ${caPath} /usr/local/share/ca-certificates/office-addin-dev.crt && update-ca-certificates${isRoot ? "" : ", with sudo"};
   Windows/Mac: run "npx office-addin-dev-certs install"), or open ${base}/ in the
  browser and accept its warning (Excel on the web then loads the add-in in that browser).
`;
}

function listening(trusted, caPath, reason) {
  const base = `https://localhost:${server.address().port}`;
  console.log(`
Rare Earth Supply Modeler is served at ${base}/ (${host === "localhost" ? "this machine only" : `on ${host}`})
  Task pane:        ${base}/taskpane.html
  Functions:        ${base}/functions.json
  Browser preview:  ${base}/preview/preview.html   (try the add-in without Excel)
${trusted ? "" : untrustedNote(caPath, reason, base)}
Sideload the add-in (manifest.xml in this folder):
  Excel on Windows: File > Options > Trust Center > Trust Center Settings > Trusted Add-in
                    Catalogs, add a shared folder holding manifest.xml, restart Excel, then ${SIDELOAD_WINDOWS}.
                    With Excel installed you can instead run: npm run sideload
  Excel on Mac:     copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
                    and restart Excel; the add-in appears under Home > Add-ins.
  Excel on the web: open a workbook, ${SIDELOAD_WEB}, choose manifest.xml.
Then type =REE. in a cell, or open Home > Supply Modeler.
Press Ctrl+C to stop.`);
}

const { trusted, caPath, reason, ...tls } = await httpsOptions();
const server = createServer(tls, handle);
server.on("error", (error) => {
  if (error.code === "EADDRINUSE") {
    console.error(
      `Port ${port} on ${host} is already in use (another "npm start" or another server).\n` +
        `Stop that program, or choose another port: PORT=3001 npm start\n` +
        `(Excel loads the add-in from the manifest's URLs, so for Excel build with ` +
        `ADDIN_BASE_URL=https://localhost:3001 too.)`,
    );
  } else if (error.code === "EACCES") {
    console.error(
      `Not allowed to listen on port ${port}: choose a port above 1023, e.g. PORT=3001 npm start`,
    );
  } else {
    console.error(`The development server could not start: ${error.message}`);
  }
  process.exit(1);
});
server.listen(port, host, () => listening(trusted, caPath, reason));
