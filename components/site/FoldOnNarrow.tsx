"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";

const noSubscription = () => () => {};

/**
 * Content folded behind a button on narrow screens: the header's search and navigation behind
 * «Meny», the filters of /ordninger behind «Filtrer (n)». On wide screens the button is hidden and
 * the content always shows (the CSS of `buttonClassName` and `panelClassName` decides the width).
 *
 * Without JavaScript the button is a link to #id, and the panel opens by CSS `:target`.
 * With JavaScript it is a disclosure button (aria-expanded, aria-controls): Escape closes the panel
 * and puts focus back on the button, and the panel closes when a link in it is followed.
 */
export function FoldOnNarrow({
  id,
  label,
  icon,
  buttonClassName,
  panelClassName,
  children,
}: {
  id: string;
  label: ReactNode;
  icon?: "menu";
  buttonClassName: string;
  panelClassName: string;
  children: ReactNode;
}) {
  const pathname = usePathname();
  // Open on the page it was opened on: following a link in the menu closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const toggle = () => setOpenOn(open ? null : pathname);
  // false in the server HTML (a plain link to #sidemeny), true once hydrated (a disclosure button).
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const button = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpenOn(null);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [open]);

  return (
    <>
      <a
        ref={button}
        href={`#${id}`}
        className={buttonClassName}
        role={hydrated ? "button" : undefined}
        aria-expanded={hydrated ? open : undefined}
        aria-controls={id}
        onClick={(event) => {
          event.preventDefault();
          toggle();
        }}
        onKeyDown={(event) => {
          // A role="button" is pressed with Space as well as Enter.
          if (event.key === " ") {
            event.preventDefault();
            toggle();
          }
        }}
      >
        {icon === "menu" && (
          <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 20 20">
            {open ? <path d="M4 4l12 12M16 4L4 16" stroke="currentColor" strokeWidth="2" fill="none" /> : <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="2" fill="none" />}
          </svg>
        )}
        {label}
      </a>
      <div id={id} className={panelClassName} data-open={open ? "true" : undefined}>
        {children}
      </div>
    </>
  );
}
