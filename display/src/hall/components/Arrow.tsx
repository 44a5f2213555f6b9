/** "Go to": drawn, not a font glyph, so it looks the same on every TV. */
export function Arrow({ className }: { className: string }) {
  return (
    <svg className={className} viewBox="0 0 48 32" aria-hidden="true" focusable="false">
      <path d="M2 16h36M28 4l14 12-14 12" fill="none" stroke="currentColor" strokeWidth="6" />
    </svg>
  );
}
