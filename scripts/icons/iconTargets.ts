/**
 * Every application icon the installers use, each rendered from the one source image
 * `resources/icon.svg` by `npm run icons` (scripts/icons/renderIcons.ts). This table is the single
 * list of outputs: the script writes exactly these files and icons.test.ts checks exactly these files
 * against a fresh render, so an edited svg without a re-run fails the tests.
 *
 * electron-builder.yml points at these files (`linux.icon`, `win.icon`, `mac.icon`).
 */

/** The source image, relative to the project root. */
export const SOURCE_SVG = 'resources/icon.svg';

/** A square PNG of `size` pixels. */
export interface PngTarget {
  kind: 'png';
  /** Relative to the project root. */
  path: string;
  size: number;
  why: string;
}

/** A Windows .ico holding one square image per size. */
export interface IcoTarget {
  kind: 'ico';
  /** Relative to the project root. */
  path: string;
  sizes: readonly number[];
  why: string;
}

export type IconTarget = PngTarget | IcoTarget;

/** The folder electron-builder's `linux.icon` names: it reads every `NxN.png` in it as one size of the icon set. */
export const LINUX_ICON_DIR = 'resources/icons';

/** Sizes of the Linux icon set: the hicolor theme sizes desktops look up (menus 16–48, launchers 64–512). */
export const LINUX_ICON_SIZES = [16, 32, 48, 64, 128, 256, 512] as const;

/**
 * Sizes inside the Windows .ico: Explorer, the taskbar and the NSIS installer each pick the nearest one
 * (16–48 for lists and title bars, 256 for large tiles; electron-builder rejects an .ico without 256).
 */
export const WINDOWS_ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

export const ICON_TARGETS: readonly IconTarget[] = [
  {
    kind: 'png',
    path: 'resources/icon.png',
    size: 1024,
    why: 'macOS: electron-builder builds the dmg app icon (.icns) from a PNG of at least 512 px; 1024 covers Retina 512@2x.',
  },
  ...LINUX_ICON_SIZES.map(
    (size): PngTarget => ({
      kind: 'png',
      path: `${LINUX_ICON_DIR}/${size}x${size}.png`,
      size,
      why: 'Linux (AppImage, deb): one size of the icon set installed into the hicolor theme, rendered at that size rather than scaled.',
    }),
  ),
  {
    kind: 'ico',
    path: 'resources/icon.ico',
    sizes: WINDOWS_ICO_SIZES,
    why: 'Windows (NSIS): the executable, installer and uninstaller icon.',
  },
];
