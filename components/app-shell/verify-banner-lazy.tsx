"use client";

import dynamic from "next/dynamic";

// Its own chunk, loaded only where the banner shows (an unconfirmed address): the banner's
// action hook brings next-safe-action's client into the bundle, and the header is on every
// workspace page, where most members have long confirmed.
export const VerifyBanner = dynamic(() => import("./verify-banner").then((m) => m.VerifyBanner));
