// What every add/edit dialog does on Save: refuse a form that fails its own check, send it, and show what the core
// refused beside the field it names, moving focus to the first field to fix. One dialog saves at a time.
import { useState, type FormEvent } from 'react';
import { fieldOfError, messageOfError, type FieldErrors } from './field-errors';

/** A form as its own check found it: the problems to show, or the call that saves it. */
export type SaveAttempt<Field extends string, Saved> =
  | { ok: false; errors: FieldErrors<Field>; message: string }
  | { ok: true; write: () => Promise<Saved> };

export interface DialogSaveOptions<Field extends string, Saved> {
  /** The fields the core may name in a refusal. */
  fields: readonly Field[];
  /** The element to focus for these problems (the first field to fix), if any. */
  focusTarget: (errors: FieldErrors<Field>) => string | null | undefined;
  onSaved: (saved: Saved) => void;
}

export function useDialogSave<Field extends string, Saved>({ fields, focusTarget, onSaved }: DialogSaveOptions<Field, Saved>) {
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  function showProblems(found: FieldErrors<Field>, message: string) {
    setErrors(found);
    setProblem(message);
    const target = focusTarget(found);
    if (target) document.getElementById(target)?.focus();
  }

  async function submit(event: FormEvent, attempt: () => SaveAttempt<Field, Saved>) {
    event.preventDefault();
    if (saving) return;
    const checked = attempt();
    if (!checked.ok) {
      showProblems(checked.errors, checked.message);
      return;
    }
    setSaving(true);
    setProblem(null);
    try {
      onSaved(await checked.write());
    } catch (error) {
      const field = fieldOfError(error, fields);
      showProblems(field ? ({ [field]: messageOfError(error) } as FieldErrors<Field>) : {}, messageOfError(error));
      setSaving(false);
    }
  }

  return { errors, problem, saving, submit };
}
