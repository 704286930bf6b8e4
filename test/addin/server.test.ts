/**
 * The development server (`npm start`, scripts/serve.mjs) run as users run it, on a free port, over
 * a temporary folder laid out like the project: dist/, dist-preview/ and a file beside them.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:https";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";

const project = join(__dirname, "..", "..");
const SIDELOAD_WEB = "Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in";
const SIDELOAD_WINDOWS = "Home > Add-ins > More Add-ins > Shared Folder";

interface Started {
  child: ChildProcess;
  port: number;
  stdout: string;
}

/**
 * The server's environment: the temporary project, and a temporary home, so the certificate tool
 * works on its own copy and never replaces the developer's certificates.
 */
const serverEnv = (root: string, env: Record<string, string>) => ({
  ...process.env,
  HOME: join(root, "home"),
  USERPROFILE: join(root, "home"),
  REE_SERVE_ROOT: root,
  ...env,
});

function startServer(root: string, env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, [join(project, "scripts", "serve.mjs")], {
    env: serverEnv(root, { PORT: "0", ...env }),
  });
  let stdout = "";
  let stderr = "";
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      const port = stdout.match(/Press Ctrl\+C/) && stdout.match(/https:\/\/localhost:(\d+)\//);
      if (port) resolve({ child, port: Number(port[1]), stdout });
    });
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => reject(new Error(`server exited (${code}): ${stderr}`)));
  });
}

function runToExit(root: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [join(project, "scripts", "serve.mjs")], {
    env: serverEnv(root, env),
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on("exit", (code) => resolve({ code, output })),
  );
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw GET: the path goes on the wire exactly as written (no URL normalisation). */
function get(port: number, path: string, hostname = "localhost"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname, port, path, method: "GET", rejectUnauthorized: false, timeout: 5000 },
      (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", reject);
    req.end();
  });
}

describe("development server", () => {
  let root: string;
  let server: Started;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "ree-serve-"));
    mkdirSync(join(root, "home"));
    mkdirSync(join(root, "dist", "assets"), { recursive: true });
    mkdirSync(join(root, "dist", "help"), { recursive: true });
    mkdirSync(join(root, "dist-preview"));
    writeFileSync(join(root, "dist.secret.txt"), "beside dist");
    writeFileSync(join(root, "dist-preview-secret.txt"), "beside dist-preview");
    writeFileSync(join(root, "dist", "taskpane.html"), "<p>pane</p>");
    writeFileSync(join(root, "dist", "functions.json"), "{}");
    writeFileSync(join(root, "dist", "functions.js"), "");
    writeFileSync(join(root, "dist", "help", "index.html"), "<p>help</p>");
    writeFileSync(join(root, "dist", "assets", "icon-32.png"), "png");
    writeFileSync(join(root, "dist-preview", "preview.html"), "<p>preview</p>");
    server = await startServer(root);
  }, 60_000);

  afterAll(() => {
    server?.child.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it("answers 400 to a malformed percent-encoding and stays up", async () => {
    expect((await get(server.port, "/%E0%A4%A")).status).toBe(400);
    expect((await get(server.port, "/%")).status).toBe(400);
    expect((await get(server.port, "/taskpane.html")).status).toBe(200);
  });

  it("never serves a file outside dist/ and dist-preview/", async () => {
    for (const path of [
      "/..%2fdist.secret.txt",
      "/%2e%2e%2fdist.secret.txt",
      "/preview/..%2f..%2fdist-preview-secret.txt",
      "/preview/..%2fdist-preview-secret.txt",
      "/..%2f..%2fetc/passwd",
      "/taskpane.html%00.png",
    ]) {
      const answer = await get(server.port, path);
      expect([path, answer.status]).toEqual([path, 404]);
      expect(answer.body).not.toContain("beside");
    }
  });

  it("sends CORS headers only on the functions' metadata and script", async () => {
    for (const path of ["/functions.json", "/functions.js"]) {
      expect((await get(server.port, path)).headers["access-control-allow-origin"]).toBe("*");
    }
    for (const path of ["/taskpane.html", "/", "/preview/preview.html", "/nothing"]) {
      expect((await get(server.port, path)).headers["access-control-allow-origin"]).toBeUndefined();
    }
  });

  it("listens on this machine only", async () => {
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && !address.internal && address.family === "IPv4");
    expect(server.stdout).toContain("this machine only");
    if (outside) {
      await expect(get(server.port, "/taskpane.html", outside.address)).rejects.toThrow(
        /ECONNREFUSED/,
      );
    }
  });

  it("serves a start page with links, and a favicon", async () => {
    const start = await get(server.port, "/");
    expect(start.status).toBe(200);
    expect(start.headers["content-type"]).toMatch(/text\/html/);
    for (const link of [
      "/taskpane.html",
      "/preview/preview.html",
      "/help/index.html",
      "/manifest.xml",
    ]) {
      expect(start.body).toContain(`href="${link}"`);
    }
    expect((await get(server.port, "/favicon.ico")).status).toBe(200);
  });

  it("says which port is taken and how to choose another", async () => {
    const second = await runToExit(root, { PORT: String(server.port) });
    expect(second.code).toBe(1);
    expect(second.output).toContain(`Port ${server.port} on localhost is already in use`);
    expect(second.output).toContain("PORT=3001 npm start");
    expect(second.output).not.toMatch(/\n\s+at /); // no stack trace
  }, 60_000);

  it("reports what the certificate tool did, not a guess", () => {
    expect(server.stdout).not.toContain("needs admin rights");
    if (/not trusted/.test(server.stdout)) {
      expect(server.stdout).toMatch(
        /office-addin-dev-certs could not install\s+its CA certificate \(.+\)/,
      );
    }
  });

  it("gives the same sideloading steps as the README", () => {
    const readme = readFileSync(join(project, "README.md"), "utf8");
    for (const steps of [SIDELOAD_WEB, SIDELOAD_WINDOWS]) {
      expect(server.stdout).toContain(steps);
      expect(readme).toContain(steps);
    }
  });
});
