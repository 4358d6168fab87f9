import * as React from 'react';
import { Box, Flex, Radio, Typography } from '@strapi/design-system';

export interface Option<K extends string> {
  value: K;
  label: string;
  /** Shown under the option; when `disabled`, it says why the option cannot be chosen. */
  hint?: string | null;
  disabled?: boolean;
}

/** A labelled radio group whose options carry a hint, linked to the option for screen readers. */
export const OptionGroup = <K extends string>({
  label,
  value,
  onChange,
  options,
  error,
}: {
  label: string;
  value: K;
  onChange: (value: K) => void;
  options: Option<K>[];
  /** What is wrong with the choice, under the options. */
  error?: string;
}) => {
  const id = React.useId();
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography id={`${id}-label`} variant="pi" fontWeight="bold" textColor="neutral800">
        {label}
      </Typography>
      <Radio.Group
        aria-labelledby={`${id}-label`}
        value={value}
        onValueChange={(next) => {
          const option = options.find((candidate) => candidate.value === next);
          if (option) onChange(option.value);
        }}
      >
        {options.map((option) => (
          <Flex key={option.value} direction="column" alignItems="flex-start" gap={1}>
            <Radio.Item
              value={option.value}
              disabled={option.disabled}
              aria-describedby={option.hint ? `${id}-${option.value}-hint` : undefined}
            >
              {option.label}
            </Radio.Item>
            {option.hint ? (
              <Box paddingLeft={7}>
                <Typography id={`${id}-${option.value}-hint`} variant="pi" textColor={option.disabled ? 'neutral500' : 'neutral600'}>
                  {option.hint}
                </Typography>
              </Box>
            ) : null}
          </Flex>
        ))}
      </Radio.Group>
      {error ? (
        <Typography variant="pi" textColor="danger600">
          {error}
        </Typography>
      ) : null}
    </Flex>
  );
};
