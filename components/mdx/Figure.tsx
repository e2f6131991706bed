/* eslint-disable @next/next/no-img-element -- diagrams are static SVGs from public/: no resizing needed. */

/** A diagram with a caption. The alt text carries what the picture shows for screen readers. */
export function Figure({ src, alt, caption }: { src: string; alt: string; caption?: string }) {
  return (
    <figure className="my-8">
      <img
        src={src}
        alt={alt}
        loading="lazy"
        className="mx-auto w-full max-w-3xl rounded-lg border border-slate-200 bg-white dark:border-slate-700"
      />
      {caption && <figcaption className="mt-2 text-center text-sm text-muted">{caption}</figcaption>}
    </figure>
  );
}
