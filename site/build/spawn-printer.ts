// The build's side of the printer process (site/pdf/printer-process.ts): started as the build
// starts, told when to start Chromium and what to print.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { PrinterMessage, PrinterOrder } from "../pdf/printer-process.ts";
import type { PrintOptions } from "../pdf/print-report.ts";

/** What a print made, as the printer process reports it (dist/report.pdf is written). */
export type PrintSummary = Extract<PrinterMessage, { type: "printed" }>;

export interface PrinterProcess {
  /**
   * Starts Chromium (once); settles with its start-up time, or rejects. Given the folder that
   * will be printed, it also opens Chromium's page for it, so that printing starts at once.
   */
  launch(folder?: string): Promise<number>;
  /**
   * Prints the site of `folder` as its report.pdf (once). `composed` settles once Chromium holds
   * the pages (they may change after that), `printed` once the PDF is written.
   */
  print(folder: string, options: PrintOptions): { composed: Promise<void>; printed: Promise<PrintSummary> };
  /** Closes Chromium and ends the process; settles once it has ended. */
  end(): Promise<void>;
}

/** Starts a printer process (same Node, its TypeScript bundled: run-bundled.js). */
export function startPrinterProcess(): PrinterProcess {
  const child = fork(fileURLToPath(new URL("./run-bundled.js", import.meta.url)), [fileURLToPath(new URL("../pdf/printer-process.ts", import.meta.url))], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    execArgv: [],
  });
  const exited = new Promise<Error>((resolve) => {
    child.once("error", resolve);
    child.once("exit", (code, signal) => resolve(new Error(`the printer process exited with ${signal ?? `code ${code}`}`)));
  });
  const order = (message: PrinterOrder) => {
    if (child.connected) child.send(message);
  };
  /** The next message of `type`, or the process's error or end, whichever comes first. */
  const next = <T extends PrinterMessage["type"]>(type: T): Promise<Extract<PrinterMessage, { type: T }>> =>
    new Promise((resolve, reject) => {
      const listener = (message: PrinterMessage) => {
        if (message.type === type) resolve(message as Extract<PrinterMessage, { type: T }>);
        else if (message.type === "error") reject(new Error(message.message));
        else return;
        child.off("message", listener);
      };
      child.on("message", listener);
      void exited.then(reject);
    });
  let launched: Promise<number> | undefined;
  return {
    launch(folder) {
      if (!launched) {
        launched = next("launched").then((m) => m.ms);
        order({ type: "launch", ...(folder === undefined ? {} : { folder }) });
      }
      return launched;
    },
    print(folder, options) {
      const composed = next("composed").then(() => {});
      const printed = next("printed");
      order({ type: "print", folder, options });
      return { composed, printed };
    },
    async end() {
      order({ type: "end" });
      await exited;
    },
  };
}
