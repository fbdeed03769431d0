"use client";

import dynamic from "next/dynamic";
import { useSyncExternalStore } from "react";

export type ToastTone = "success" | "error" | "info";
export type ToastItem = { id: number; title: string; description?: string; tone: ToastTone };

// A tiny store outside React, so any client code (a form's success branch, a mutation's
// onSuccess) can call toast() without a context.
const none: ToastItem[] = [];
// Starts as the server's snapshot itself, so hydrating the Toaster schedules no re-render.
let items: ToastItem[] = none;
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

/** Shows a short confirmation (or a problem) in the corner; screen readers hear it too. */
export function toast(title: string, options: { description?: string; tone?: ToastTone } = {}): void {
  items = [...items, { id: nextId++, title, description: options.description, tone: options.tone ?? "success" }].slice(-3);
  emit();
}

export function dismissToast(id: number): void {
  items = items.filter((t) => t.id !== id);
  emit();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

// The Radix part loads with the first toast, so pages that never toast don't pay for it.
const ToastStack = dynamic(() => import("./toast-stack").then((m) => m.ToastStack), { ssr: false });

/** Mounted once, in the app's providers. */
export function Toaster() {
  const list = useSyncExternalStore(subscribe, () => items, () => none);
  return list.length > 0 ? <ToastStack items={list} /> : null;
}
