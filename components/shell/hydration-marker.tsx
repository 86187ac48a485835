"use client";

import { useEffect } from "react";

/**
 * Marks the document once React has attached its event handlers. Until then a
 * server-rendered button is visible but does nothing when clicked; browser
 * automation (our own end-to-end tests included) waits for this mark.
 */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
