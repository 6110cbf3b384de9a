/**
 * Page object for the Junction graph panel in the dock under the Live Feed: the status line and
 * network controls, the problem list, the canvas (read through the panel's test probe, since a
 * canvas has no DOM to query), the details card and the analytics table.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * What `window.__junctionGraphProbe` answers (declared for the page in
 * renderer/src/panels/graph/junctionGraphProbe.ts; the e2e project cannot import renderer files).
 */
interface JunctionGraphProbe {
  nodeCount(): number;
  edgeCount(): number;
  nodeStyle(id: string): NodeStyle | null;
  nodeMarks(id: string): NodeMarks | null;
  renderedPosition(id: string): { x: number; y: number } | null;
  renderedBox(id: string): Box | null;
  nodeIds(): string[];
  canvasSize(): { width: number; height: number; zoom: number };
  inferredEdges(): { from: string; to: string; label: string; labelDrawn: boolean; length: number }[];
  topologyVersion(): number;
  loadsApplied(): number;
}

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A junction's data-quality halo (null: OK) and whether it is ringed for an active alarm. */
export interface NodeMarks {
  health: 'suspect' | 'bad' | null;
  alarmed: boolean;
}

export interface NodeStyle {
  width: number;
  color: string;
  passing: boolean;
}

type ProbeWindow = Window & { __junctionGraphProbe?: JunctionGraphProbe };

export class GraphPanel {
  readonly tab: Locator;
  readonly region: Locator;
  readonly state: Locator;
  readonly summary: Locator;
  readonly message: Locator;
  readonly canvas: Locator;
  readonly problems: Locator;
  readonly networkFile: Locator;
  readonly clearNetwork: Locator;
  readonly card: Locator;
  readonly showInFeed: Locator;
  readonly queryInSql: Locator;
  readonly analytics: Locator;
  readonly analyticsRows: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tab', { name: 'Junction graph' });
    this.region = page.getByRole('region', { name: 'Junction graph' });
    this.state = this.region.getByTestId('graph-state');
    this.summary = this.region.getByTestId('graph-summary');
    this.message = this.region.getByTestId('graph-message');
    this.canvas = this.region.getByTestId('graph-canvas');
    this.problems = this.region.getByTestId('graph-problems');
    this.networkFile = page.getByLabel('Road network file');
    this.clearNetwork = this.region.getByRole('button', { name: 'Clear network' });
    this.card = this.region.getByRole('region', { name: 'Junction details' });
    this.showInFeed = this.card.getByRole('button', { name: 'Show in feed' });
    this.queryInSql = this.card.getByRole('button', { name: 'Query in SQL' });
    this.analytics = this.region.getByRole('table', { name: 'Junction analytics' });
    this.analyticsRows = this.analytics.locator('[role="row"][aria-rowindex]');
  }

  /** Shows the tab; the first time, this is what has the engine build the graph from its loads. */
  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.region).toBeVisible();
    await expect.poll(() => this.page.evaluate(() => (window as ProbeWindow).__junctionGraphProbe !== undefined)).toBe(true);
  }

  async waitForState(state: 'Off' | 'Waiting' | 'Live' | 'Paused' | 'Finished' | 'Stopped' | 'Ready', timeout = 30_000): Promise<void> {
    await expect(this.state).toHaveText(state, { timeout });
  }

  nodeCount(): Promise<number> {
    return this.page.evaluate(() => (window as ProbeWindow).__junctionGraphProbe?.nodeCount() ?? 0);
  }

  edgeCount(): Promise<number> {
    return this.page.evaluate(() => (window as ProbeWindow).__junctionGraphProbe?.edgeCount() ?? 0);
  }

  nodeStyle(id: string): Promise<NodeStyle | null> {
    return this.page.evaluate((junction) => (window as ProbeWindow).__junctionGraphProbe?.nodeStyle(junction) ?? null, id);
  }

  nodeMarks(id: string): Promise<NodeMarks | null> {
    return this.page.evaluate((junction) => (window as ProbeWindow).__junctionGraphProbe?.nodeMarks(junction) ?? null, id);
  }

  /** Every drawn junction's box with its label and centre (canvas CSS px), and the canvas's size. */
  drawing(): Promise<{ boxes: Record<string, Box>; centres: Record<string, { x: number; y: number }>; canvas: { width: number; height: number; zoom: number } }> {
    return this.page.evaluate(() => {
      const probe = (window as ProbeWindow).__junctionGraphProbe;
      const boxes: Record<string, Box> = {};
      const centres: Record<string, { x: number; y: number }> = {};
      for (const id of probe?.nodeIds() ?? []) {
        const box = probe?.renderedBox(id);
        const centre = probe?.renderedPosition(id);
        if (box) boxes[id] = box;
        if (centre) centres[id] = centre;
      }
      return { boxes, centres, canvas: probe?.canvasSize() ?? { width: 0, height: 0, zoom: 0 } };
    });
  }

  inferredEdges(): Promise<{ from: string; to: string; label: string; labelDrawn: boolean; length: number }[]> {
    return this.page.evaluate(() => (window as ProbeWindow).__junctionGraphProbe?.inferredEdges() ?? []);
  }

  /** Turns inferred links on in Settings… with this correlation threshold. */
  async enableInferredLinks(threshold: number): Promise<void> {
    const settings = this.region.locator('details.graph-settings');
    await settings.locator('summary').click();
    await settings.getByRole('checkbox', { name: /Inferred links/ }).check();
    await settings.getByRole('spinbutton', { name: 'Correlation threshold' }).fill(String(threshold));
    await settings.getByRole('button', { name: 'Apply' }).click();
    await expect(settings.getByRole('button', { name: 'Apply' })).toBeHidden();
  }

  loadsApplied(): Promise<number> {
    return this.page.evaluate(() => (window as ProbeWindow).__junctionGraphProbe?.loadsApplied() ?? 0);
  }

  topologyVersion(): Promise<number> {
    return this.page.evaluate(() => (window as ProbeWindow).__junctionGraphProbe?.topologyVersion() ?? -1);
  }

  /** Clicks the junction where the canvas draws it, as a user would. */
  async clickNode(id: string): Promise<void> {
    const where = async (): Promise<string> => {
      const at = await this.page.evaluate((junction) => (window as ProbeWindow).__junctionGraphProbe?.renderedPosition(junction) ?? null, id);
      const box = await this.canvas.boundingBox();
      return at && box ? `${Math.round(box.x + at.x)},${Math.round(box.y + at.y)}` : '';
    };
    // The panel settles in its first moments (the view is fitted, the side column fills in): click
    // where the junction stays, as a user would, not where it was a frame ago.
    let previous = '';
    await expect
      .poll(async () => {
        const now = await where();
        const stable = now !== '' && now === previous;
        previous = now;
        return stable;
      }, { intervals: [150] })
      .toBe(true);
    const [x, y] = previous.split(',').map(Number);
    await this.page.mouse.click(x ?? 0, y ?? 0);
  }

  /** Uploads a road network through the browser's file picker. */
  async loadNetwork(path: string): Promise<void> {
    await this.networkFile.setInputFiles(path);
  }

  /** A value of the details card by its term ('Current load', 'Rank', 'Roads', …). */
  cardFact(term: string): Locator {
    return this.card.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
  }
}
