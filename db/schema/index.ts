export * from "./users";
export * from "./workspaces";
export * from "./contacts";
export * from "./ledger";
export * from "./team";
export * from "./digest";
export * from "./rollups";
