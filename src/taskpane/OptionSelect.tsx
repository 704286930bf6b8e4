/** A drop-down over a list of options: the filters in Browse and the choices of the Insert tab. */
import { Select } from "@fluentui/react-components";

export interface Option {
  value: string;
  text: string;
}

/** The `id` is for a `<label htmlFor>`; inside a Fluent Field, the Field labels it. */
export function OptionSelect(props: {
  id?: string;
  className?: string;
  value: string;
  options: readonly Option[];
  onChange(value: string): void;
}) {
  const { options, onChange, ...select } = props;
  return (
    <Select {...select} onChange={(_, data) => onChange(data.value)}>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.text}
        </option>
      ))}
    </Select>
  );
}
