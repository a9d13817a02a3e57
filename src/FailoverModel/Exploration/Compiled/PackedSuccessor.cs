using FailoverModel.Pair;

namespace FailoverModel.Exploration.Compiled;

/// <summary>
/// One successor of a packed state, as the explorer merges it: the event (the internal step, or the alphabet's event
/// at <see cref="Via"/>), the canonical target, the raw state after the step (its group states are what the witnesses
/// read), the table rows exercised, and the index of the first invariant violated (-1 when all hold).
/// </summary>
internal readonly record struct PackedSuccessor(Event Event, short Via, StateKey Target, StateKey Raw, int Rows, short Verdict, bool CommandOnlyLogged);
