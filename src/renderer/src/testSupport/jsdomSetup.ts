// What jsdom lacks and the UI's primitives need (filled in where a primitive needs it).
export {};
