import './background-shapes.css';

/** Faint blurred blue and cyan shapes behind the content (login and dashboards). */
export function BackgroundShapes() {
  return (
    <div className="bg-shapes" aria-hidden="true">
      <span className="bg-shape bg-shape-1" />
      <span className="bg-shape bg-shape-2" />
      <span className="bg-shape bg-shape-3" />
    </div>
  );
}
