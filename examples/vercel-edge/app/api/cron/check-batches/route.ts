import { routes } from "../../batches/route.ts";

export const runtime = "edge";
export const GET = routes.checkDue;
