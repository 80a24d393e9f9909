import type { ButtonHTMLAttributes } from 'react';

const variants = {
  primary: 'bg-sky-700 text-white hover:bg-sky-800 disabled:bg-sky-300',
  secondary: 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:text-slate-400',
  danger: 'bg-rose-700 text-white hover:bg-rose-800 disabled:bg-rose-300',
  link: 'text-sky-700 underline-offset-2 hover:underline',
};

export function Button({ variant = 'primary', className = '', ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof variants }) {
  const box = variant === 'link' ? '' : 'rounded px-3 py-1.5 text-sm font-medium shadow-sm';
  return <button type="button" className={`${box} ${variants[variant]} ${className}`} {...props} />;
}
