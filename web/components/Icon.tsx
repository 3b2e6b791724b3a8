/** A Bootstrap Italia icon from the local sprite (public/bi/sprites.svg). */
export function Icon({ name, className = '', title }: { name: string; className?: string; title?: string }) {
  return (
    <svg className={`icon ${className}`} aria-hidden={title ? undefined : true} role={title ? 'img' : undefined} focusable="false">
      {title ? <title>{title}</title> : null}
      <use href={`/bi/sprites.svg#${name}`} />
    </svg>
  );
}
