export { createApp, registerDiscordCommands, type App, type AppDeps } from "./create-app.js";
export { parseRoles, ROLES, type Role, type RolesResult } from "./roles.js";
