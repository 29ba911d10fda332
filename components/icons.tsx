// Inline SVG icons, drawn with currentColor so they follow the text colour in light and dark.
// Decorative: the button around each icon carries the accessible name.
import type { ComponentChildren } from 'preact';

function Icon({ children, size = 16 }: { children: ComponentChildren; size?: number }) {
  return (
    <svg
      class="svg-icon"
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      stroke-width="1.75"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

/**
 * Which way a "previous" or "next" chevron points: towards the start of the line for previous,
 * towards its end for next, so left/right in English and right/left in Arabic. Decided here, once;
 * no stylesheet mirrors it again.
 */
export function chevronPoints(towards: 'previous' | 'next', dir: 'ltr' | 'rtl'): 'left' | 'right' {
  return (towards === 'previous') === (dir === 'ltr') ? 'left' : 'right';
}

export function Chevron({ towards, dir }: { towards: 'previous' | 'next'; dir: 'ltr' | 'rtl' }) {
  const points = chevronPoints(towards, dir);
  return (
    <Icon>
      <path data-points={points} d={points === 'left' ? 'M10 3.5 5.5 8l4.5 4.5' : 'M6 3.5 10.5 8 6 12.5'} />
    </Icon>
  );
}

export function CloseIcon() {
  return (
    <Icon size={14}>
      <path d="M4 4l8 8M12 4l-8 8" />
    </Icon>
  );
}

export function SettingsIcon() {
  return (
    <Icon>
      <path d="M2.5 4.5h6M11.5 4.5h2M2.5 11.5h2M7.5 11.5h6" />
      <circle cx="10" cy="4.5" r="1.5" />
      <circle cx="6" cy="11.5" r="1.5" />
    </Icon>
  );
}

/** A window with a panel along its side; the panel sits at the end of the line (right in English). */
export function SidePanelIcon({ dir }: { dir: 'ltr' | 'rtl' }) {
  const x = dir === 'ltr' ? 10 : 6;
  return (
    <Icon>
      <rect x="2" y="3" width="12" height="10" rx="1.5" />
      <path d={`M${x} 3v10`} />
    </Icon>
  );
}

export function BookIcon() {
  return (
    <Icon>
      <path d="M3.5 12.5v-9A1.5 1.5 0 0 1 5 2h7.5v10H5a1.5 1.5 0 0 0 0 3h7.5" />
      <path d="M6.5 5.5h3.5" />
    </Icon>
  );
}

export function SearchIcon() {
  return (
    <Icon size={14}>
      <circle cx="7" cy="7" r="4" />
      <path d="m10 10 3.5 3.5" />
    </Icon>
  );
}

/** A note with lines of text: the reader's notes (the library). */
export function NotesIcon() {
  return (
    <Icon>
      <rect x="3" y="2" width="10" height="12" rx="1.5" />
      <path d="M5.5 5.5h5M5.5 8h5M5.5 10.5h3" />
    </Icon>
  );
}
