// Transfers are not built yet; say so plainly rather than show an empty screen that looks broken.
export function TransfersScreen() {
  return (
    <div className="screen">
      <h1>Transfers</h1>
      <p>
        Packaging boxes for the records center, with a manifest and a receipt both sides keep, comes in a later version
        of Transmittal.
      </p>
      <p className="muted">Until then, keep cataloging: everything you describe now goes into your first transfer as is.</p>
    </div>
  );
}
