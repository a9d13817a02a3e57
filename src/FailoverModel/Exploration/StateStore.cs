namespace FailoverModel.Exploration;

/// <summary>
/// The explorer's visited states in about 63 bytes each: the 44-byte keys in fixed-size chunks (no copying as it
/// grows), an open-addressing index of 4-byte slots, and for each state its parent and the event that reached it.
/// States are numbered in the order they were added (breadth-first).
/// </summary>
internal sealed class StateStore
{
    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;
    private readonly List<StateKey[]> _keys = [];
    private readonly List<int[]> _parents = [];
    private readonly List<short[]> _via = [];
    private int[] _slots = new int[1 << 16];

    public int Count { get; private set; }

    public StateKey this[int index] => _keys[index >> ChunkBits][index & (ChunkSize - 1)];

    public int Parent(int index) => _parents[index >> ChunkBits][index & (ChunkSize - 1)];

    /// <summary>The alphabet index of the event that reached the state; -1 for the internal step, -2 for the initial state.</summary>
    public short Via(int index) => _via[index >> ChunkBits][index & (ChunkSize - 1)];

    /// <summary>Bytes held per stored state (keys, parents, events and index slots, with their spare room).</summary>
    public double BytesPerState => Count == 0 ? 0 : (((double)_keys.Count * ChunkSize * (System.Runtime.CompilerServices.Unsafe.SizeOf<StateKey>() + 4 + 2)) + ((double)_slots.Length * 4)) / Count;

    public bool Contains(StateKey key) => Find(key) >= 0;

    /// <summary>The index of <paramref name="key"/>, or -1 with <paramref name="slot"/> the empty slot where <see cref="AddNew"/> puts it (one probe for both).</summary>
    public int IndexOf(in StateKey key, out int slot)
    {
        var mask = _slots.Length - 1;
        for (slot = key.GetHashCode() & mask; ; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                return -1;
            }

            if (this[entry - 1] == key)
            {
                return entry - 1;
            }
        }
    }

    /// <summary>Adds a key <see cref="IndexOf"/> did not find, at the slot it gave; returns its index.</summary>
    public int AddNew(in StateKey key, int slot, int parent, short via)
    {
        var grows = (Count + 1) * 4L > _slots.Length * 3L;
        if (grows)
        {
            Grow();
        }

        var index = Append(key, parent, via);
        if (grows)
        {
            Place(key, index);
        }
        else
        {
            _slots[slot] = index + 1;
        }

        return index;
    }

    /// <summary>Adds the key unless present; returns its index, and whether it was new.</summary>
    public (int Index, bool Added) Add(StateKey key, int parent, short via)
    {
        var found = Find(key);
        if (found >= 0)
        {
            return (found, false);
        }

        if ((Count + 1) * 4L > _slots.Length * 3L)
        {
            Grow();
        }

        var index = Append(key, parent, via);
        Place(key, index);
        return (index, true);
    }

    private int Append(in StateKey key, int parent, short via)
    {
        var index = Count++;
        if ((index & (ChunkSize - 1)) == 0)
        {
            _keys.Add(new StateKey[ChunkSize]);
            _parents.Add(new int[ChunkSize]);
            _via.Add(new short[ChunkSize]);
        }

        _keys[index >> ChunkBits][index & (ChunkSize - 1)] = key;
        _parents[index >> ChunkBits][index & (ChunkSize - 1)] = parent;
        _via[index >> ChunkBits][index & (ChunkSize - 1)] = via;
        return index;
    }

    private int Find(StateKey key)
    {
        var mask = _slots.Length - 1;
        for (var slot = key.GetHashCode() & mask; ; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                return -1;
            }

            if (this[entry - 1] == key)
            {
                return entry - 1;
            }
        }
    }

    private void Place(StateKey key, int index)
    {
        var mask = _slots.Length - 1;
        var slot = key.GetHashCode() & mask;
        while (_slots[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        _slots[slot] = index + 1;
    }

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        for (var i = 0; i < Count; i++)
        {
            Place(this[i], i);
        }
    }
}
