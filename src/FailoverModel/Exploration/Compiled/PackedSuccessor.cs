namespace FailoverModel.Exploration.Compiled;

/// <summary>
/// One successor of a packed state, as the explorer merges it: the slot of the step table (0 the internal step, else
/// 1 + the alphabet index), the canonical target, the raw head after the step (the group states the witnesses read),
/// the table rows exercised, and the invariants' verdict.
/// </summary>
internal readonly record struct PackedSuccessor(int Row, int Slot, StateKey Target, StateKey Raw, byte Rows, short Verdict, bool CommandOnlyLogged);
