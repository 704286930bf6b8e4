// The function-overhead benchmark's baseline: the same model math the REE functions call, called
// directly with plain numbers, bundled by the same webpack production pipeline as functions.js.
import { croreToUsd, magnetCapacity } from "../../src/model/conversions";
import { hhi } from "../../src/model/concentration";
import { ndprGap } from "../../src/model/gap";

export { croreToUsd, hhi, magnetCapacity, ndprGap };
