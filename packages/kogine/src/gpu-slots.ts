/** `--gpus 0,1,2,3 --gpus-per-task K`: the GPUs split among worker slots, K each, so tasks running at once
 * never share one. A slot's tasks see only its own through CUDA_VISIBLE_DEVICES. */
import { KogineError } from "./errors.js";

/** The devices of each slot: as many slots as the GPUs fill (fewer when `workers` asks fewer). */
export function gpuSlots(gpus: string, perTask: number, workers: number | undefined): string[][] {
  const devices = gpus.split(",").map((d) => d.trim());
  if (devices.some((d) => d === "")) throw new KogineError(`--gpus ${gpus}: expected a list of GPU ids like 0,1,2,3`);
  if (new Set(devices).size !== devices.length) throw new KogineError(`--gpus ${gpus}: a GPU is listed twice`);
  const slots = Math.floor(devices.length / perTask);
  if (slots === 0)
    throw new KogineError(`--gpus-per-task ${perTask} needs at least ${perTask} GPUs; --gpus gives ${devices.length}`);
  if (workers !== undefined && workers > slots) {
    throw new KogineError(
      `-w ${workers} asks for more worker slots than --gpus ${gpus} with --gpus-per-task ${perTask} gives (${slots})`,
    );
  }
  return Array.from({ length: workers ?? slots }, (_, slot) => devices.slice(slot * perTask, (slot + 1) * perTask));
}
