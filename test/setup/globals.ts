import { installCustomFunctionsShim } from "../../src/preview/custom-functions-shim";

installCustomFunctionsShim();
